import { QueryErrorResetBoundary } from "@tanstack/react-query";
import type { ComponentType, ReactNode } from "react";
import { ErrorBoundary, type FallbackProps } from "react-error-boundary";
import { ErrorFallback } from "./error-fallback";

export interface RegionErrorBoundaryProps {
  children: ReactNode;
  /** When any of these change, the region tries again by itself (e.g. the route's path). */
  resetKeys?: unknown[];
  fallback?: ComponentType<FallbackProps>;
}

/**
 * One per page region (header, navigation, main, page): a failed region shows its error and a
 * "Try again" that also re-runs its failed queries, and never blanks the rest of the console.
 */
export function RegionErrorBoundary({
  children,
  resetKeys,
  fallback = ErrorFallback,
}: RegionErrorBoundaryProps) {
  return (
    <QueryErrorResetBoundary>
      {({ reset }) => (
        <ErrorBoundary
          FallbackComponent={fallback}
          onReset={reset}
          {...(resetKeys ? { resetKeys } : {})}
        >
          {children}
        </ErrorBoundary>
      )}
    </QueryErrorResetBoundary>
  );
}
