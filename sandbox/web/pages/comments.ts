/**
 * The comments pane of the detail screen, over kintone's record comments API: the newest ten,
 * "older comments" for the next ten, a box to post one, and delete on one's own comments.
 * Comment text reaches the page only as text.
 */
import { clear, h, inBackground } from "../dom";
import { callApi } from "../rest";
import { t } from "../text";
import { formatDateTime } from "../fields/display";

interface Comment {
  id: string;
  text: string;
  createdAt: string;
  creator: { code: string; name: string };
}

const PAGE = 10;

export function commentsPane(appId: number, recordId: string, me: string | undefined): HTMLElement {
  const list = h("ol", { class: "sb-comments-list" });
  const more = h(
    "button",
    { type: "button", class: "sb-button sb-comments-older" },
    t("olderComments"),
  );
  const input = h("textarea", { class: "sb-input sb-comment-input", rows: "3", name: "comment" });
  const post = h(
    "button",
    { type: "button", class: "sb-button sb-comment-post" },
    t("postComment"),
  );
  const problem = h("div", { class: "sb-field-error", role: "alert" });
  problem.hidden = true;
  let shown = 0;

  const item = (comment: Comment) => {
    const remove =
      comment.creator.code === me
        ? h("button", { type: "button", class: "sb-comment-delete" }, t("deleteComment"))
        : null;
    remove?.addEventListener("click", () =>
      inBackground(
        run(async () => {
          await callApi("/k/v1/record/comment", "DELETE", {
            app: appId,
            record: recordId,
            comment: comment.id,
          });
          await reload();
        }),
      ),
    );
    return h(
      "li",
      { class: "sb-comment", dataset: { commentId: comment.id } },
      h(
        "div",
        { class: "sb-comment-meta" },
        `${comment.creator.name} ${formatDateTime(comment.createdAt)}`,
      ),
      h("div", { class: "sb-multiline sb-comment-text" }, comment.text),
      remove,
    );
  };

  async function load(offset: number): Promise<void> {
    const page = await callApi<{ comments: Comment[]; older: boolean }>(
      "/k/v1/record/comments",
      "GET",
      { app: appId, record: recordId, order: "desc", offset, limit: PAGE },
    );
    if (offset === 0) clear(list);
    for (const comment of page.comments) list.appendChild(item(comment));
    shown = offset + page.comments.length;
    if (shown === 0) list.appendChild(h("li", { class: "sb-comments-empty" }, t("noComments")));
    more.hidden = !page.older;
  }

  const reload = () => load(0);

  async function run(task: () => Promise<void>): Promise<void> {
    problem.hidden = true;
    try {
      await task();
    } catch (error) {
      problem.textContent = (error as Error).message;
      problem.hidden = false;
    }
  }

  more.addEventListener("click", () => inBackground(run(() => load(shown))));
  post.addEventListener("click", () =>
    inBackground(
      run(async () => {
        const text = input.value;
        await callApi("/k/v1/record/comment", "POST", {
          app: appId,
          record: recordId,
          comment: { text },
        });
        // Only the posted text is cleared; anything typed meanwhile stays.
        if (input.value === text) input.value = "";
        await reload();
      }),
    ),
  );
  inBackground(run(reload));
  return h(
    "section",
    { class: "sb-comments" },
    h("h2", { class: "sb-comments-title" }, t("comments")),
    input,
    post,
    problem,
    list,
    more,
  );
}
