import type { Request } from "express";
import { graphContext } from "./graph-request-context.js";
import { iosVppAppType, type ODataType } from "./odata/odata-model.js";
import { parseCollectionQuery, readOptions, type CollectionQuery } from "./odata/odata-query.js";

/**
 * Where Intune is reported to ignore `$filter` and `$select` (answering 200 with every row and
 * every property, as if the option were absent), the `ignoredQueryOptions` switch does the
 * same: on assignedLicenses, and wherever the option names a property of the
 * microsoft.graph.iosVppApp cast. The options are still parsed first, so a malformed one is a
 * 400 as on Graph.
 * https://github.com/microsoftgraph/msgraph-metadata/issues (Intune query support is per service)
 */
export function parseCollectionQueryAsIntune(
  req: Request,
  type: ODataType,
  ignores: (text: string) => boolean,
): CollectionQuery {
  const { version, scenario } = graphContext(req);
  const query = parseCollectionQuery(req, type, version);
  if (!scenario.ignoredQueryOptions) return query;
  const options = readOptions(req);
  const filter = options.get("filter");
  const select = options.get("select");
  return {
    ...query,
    ...(filter !== undefined && ignores(filter) ? { filter: undefined } : {}),
    ...(select !== undefined && ignores(select) ? { select: undefined } : {}),
  };
}

/** assignedLicenses ignores both options whatever they say. */
export const always = (): boolean => true;

/** The property of the iosVppApp cast, on the mobileApps collection. */
export function namesIosVppAppCastProperty(text: string): boolean {
  return /iosvppapp\/\w/i.test(text);
}

const iosVppAppOwnProperties = (iosVppAppType.declared.beta ?? []).map((p) => p.toLowerCase());

/** Behind the collection cast, iosVppApp's own properties need no prefix. */
export function namesIosVppAppProperty(text: string): boolean {
  if (namesIosVppAppCastProperty(text)) return true;
  const words = text.toLowerCase().match(/[a-z][a-z0-9]*/g) ?? [];
  return words.some((w) => iosVppAppOwnProperties.includes(w));
}
