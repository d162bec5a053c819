import { useState } from "react";
import { RouterProvider } from "react-router/dom";
import { ThemeProvider } from "./theme-provider";
import { createAppRouter } from "./router";

/** The signed-in console: the router, the shell and its pages (loaded after sign-in). */
export function Console() {
  // Created once the agent is signed in, so the router sees the URL MSAL returned them to.
  const [router] = useState(createAppRouter);
  return (
    <ThemeProvider>
      <RouterProvider router={router} />
    </ThemeProvider>
  );
}
