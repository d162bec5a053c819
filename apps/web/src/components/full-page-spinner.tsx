import { makeStyles, Spinner } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: {
    minHeight: "100vh",
    display: "flex",
    alignItems: "center",
    justifyContent: "center",
  },
});

/** Start-up and sign-in hand-overs: one calm spinner that says what is happening. */
export function FullPageSpinner({ label }: { label: string }) {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <Spinner size="large" label={label} labelPosition="below" />
    </main>
  );
}
