import type { Permission } from "@ihc/contracts";
import type { RequestHandler } from "express";
import { NotAllowedError } from "../errors.js";
import { userOf } from "./authenticate.js";
import { permissionsFor } from "./roles.js";

/** Lets the request through only when the caller's roles grant `permission` (else 403). */
export const requirePermission =
  (permission: Permission): RequestHandler =>
  (req, _res, next) => {
    if (!permissionsFor(userOf(req).roles).includes(permission)) {
      throw new NotAllowedError(`This needs the ${permission} permission.`);
    }
    next();
  };
