import { callApi, RestError } from "../rest";

export interface UserGroup {
  id: string;
  code: string;
  name: string;
}

type Call = <T>(path: string, method: string, params: Record<string, unknown>) => Promise<T>;

/** What kintone answers for everyone's group in a guest space (the sandbox's own id). */
const EVERYONE: UserGroup = { id: "0", code: "everyone", name: "Everyone" };

/**
 * `kintone.user`: the groups of the login user, or of another user by login name, read from the
 * User API and kept until the page changes, as kintone does. The sandbox has no organizations,
 * so `getOrganizations` answers an empty list for a user who exists. In a guest space kintone
 * answers only the Everyone and Administrator groups (cybozu.dev, get-groups).
 */
export function createUserApi(
  loginCode: string | undefined,
  call: Call = callApi,
  inGuestSpace = false,
) {
  const kept = new Map<string, Promise<UserGroup[]>>();

  const groupsOf = (code: string | undefined): Promise<UserGroup[]> => {
    const user = code ?? loginCode;
    if (!user)
      return Promise.reject(new Error("kintone.user needs a login name: nobody is logged in"));
    let answer = kept.get(user);
    if (!answer) {
      answer = call<{ groups: UserGroup[] }>("/v1/user/groups", "GET", { code: user }).then(
        ({ groups }) => {
          const all = groups.map(({ id, code: group, name }) => ({ id, code: group, name }));
          if (!inGuestSpace) return all;
          return [EVERYONE, ...all.filter((group) => group.code === "Administrators")];
        },
      );
      kept.set(user, answer);
      // A failed read is not kept: the next call asks the server again.
      answer.catch(() => kept.delete(user));
    }
    return answer;
  };
  const asKintone = (error: unknown): never => {
    throw error instanceof RestError ? error.body : error;
  };

  return {
    getGroups: (code?: string): Promise<UserGroup[]> =>
      groupsOf(code)
        .then((groups) => groups.map((group) => ({ ...group })))
        .catch(asKintone),
    getOrganizations: (code?: string): Promise<never[]> =>
      groupsOf(code)
        .then(() => [])
        .catch(asKintone),
  };
}
