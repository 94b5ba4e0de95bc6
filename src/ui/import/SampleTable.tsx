import { makeStyles, tokens } from '@fluentui/react-components';

export interface SampleTableProps {
  caption: string;
  rows: readonly (readonly string[])[];
}

const useStyles = makeStyles({
  scroller: {
    overflowX: 'auto',
    maxWidth: '100%',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200, whiteSpace: 'nowrap' },
  caption: {
    textAlign: 'start',
    padding: tokens.spacingHorizontalS,
    color: tokens.colorNeutralForeground3,
  },
  cell: {
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    textAlign: 'start',
  },
  header: { fontWeight: tokens.fontWeightSemibold },
});

/** The first rows of the file as they were read, so the user sees whether letters and columns are right. */
export function SampleTable({ caption, rows }: SampleTableProps) {
  const styles = useStyles();
  const [head, ...body] = rows;
  return (
    // Focusable, so that keyboard users can scroll a table wider than the pane.
    <div className={styles.scroller} tabIndex={0} role="region" aria-label={caption}>
      <table className={styles.table}>
        <caption className={styles.caption}>{caption}</caption>
        <thead>
          <tr>
            {(head ?? []).map((cell, column) => (
              <th key={column} scope="col" className={`${styles.cell} ${styles.header}`}>
                {cell}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {body.map((row, index) => (
            <tr key={index}>
              {row.map((cell, column) => (
                <td key={column} className={styles.cell}>
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
