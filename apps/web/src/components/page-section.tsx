import { makeStyles, Subtitle2, tokens, useId } from "@fluentui/react-components";
import type { ReactNode } from "react";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  heading: { margin: 0 },
});

export interface PageSectionProps {
  title: string;
  children: ReactNode;
  className?: string;
}

/** A titled part of a page (an h2), named by its title for screen-reader navigation. */
export function PageSection({ title, children, className }: PageSectionProps) {
  const styles = useStyles();
  const headingId = useId("section");
  return (
    <section aria-labelledby={headingId} className={className}>
      <div className={styles.root}>
        <Subtitle2 as="h2" id={headingId} className={styles.heading}>
          {title}
        </Subtitle2>
        {children}
      </div>
    </section>
  );
}
