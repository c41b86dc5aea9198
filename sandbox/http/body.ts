import type { IncomingMessage } from "node:http";
import busboy from "busboy";
import qs from "qs";
import { errors } from "./errors";

export interface UploadedFile {
  field: string;
  name: string;
  contentType: string;
  data: Buffer;
}

export interface ParsedBody {
  params: Record<string, unknown>;
  files: UploadedFile[];
}

const MAX_BODY_BYTES = 110 * 1024 * 1024;

/** Query strings as rest-api-client writes them with qs: `fields[0]=a&fields[1]=b`. */
export function parseQuery(search: string): Record<string, unknown> {
  return qs.parse(search.replace(/^\?/, ""), {
    arrayLimit: 10_000,
    parameterLimit: 100_000,
    depth: 10,
  }) as Record<string, unknown>;
}

export async function readBody(req: IncomingMessage): Promise<ParsedBody> {
  const type = req.headers["content-type"] ?? "";
  if (type.startsWith("multipart/form-data")) return readMultipart(req);
  const raw = await readRaw(req);
  if (raw.length === 0) return { params: {}, files: [] };
  if (type.startsWith("application/x-www-form-urlencoded")) {
    return { params: parseQuery(raw.toString("utf8")), files: [] };
  }
  try {
    const parsed: unknown = JSON.parse(raw.toString("utf8"));
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
      throw errors.invalidJson();
    }
    return { params: parsed as Record<string, unknown>, files: [] };
  } catch {
    throw errors.invalidJson();
  }
}

function readRaw(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(errors.badRequest({ ja: "リクエストが大きすぎます。", en: "Request too large." }));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function readMultipart(req: IncomingMessage): Promise<ParsedBody> {
  return new Promise((resolve, reject) => {
    const params: Record<string, unknown> = {};
    const files: UploadedFile[] = [];
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        limits: { fileSize: MAX_BODY_BYTES },
        defParamCharset: "utf8",
      });
    } catch {
      reject(errors.badRequest());
      return;
    }
    parser.on("field", (name, value) => {
      params[name] = value;
    });
    parser.on("file", (field, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        files.push({
          field,
          name: info.filename ?? "file",
          contentType: info.mimeType || "application/octet-stream",
          data: Buffer.concat(chunks),
        });
      });
    });
    parser.on("close", () => resolve({ params, files }));
    parser.on("error", () => reject(errors.badRequest()));
    req.pipe(parser);
  });
}
