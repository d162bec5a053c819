import { api, buildOpenApiDocument, OpenApiDocumentSchema } from "@ihc/contracts";
import { Router } from "express";
import { sendJson } from "../http/send-json.js";

/** `GET /api/openapi.json`: public, built once from the contracts' route table. */
export const openApiRouter = (version: string): Router => {
  const document = buildOpenApiDocument(api, version);
  return Router().get("/openapi.json", (_req, res) => {
    sendJson(res, OpenApiDocumentSchema, document);
  });
};
