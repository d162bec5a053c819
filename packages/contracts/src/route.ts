import type { z } from "zod";

/** A route of the BFF's API as data (ts-rest `contract-zod.ts` shape): parsed on both sides. */
export interface RouteContract {
  method: "GET" | "POST";
  path: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  responses: Record<number, z.ZodType>;
}

export const defineRoute = <const R extends RouteContract>(route: R): R => route;
