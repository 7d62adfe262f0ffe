import { onProjections, type ProjectionCommandContext } from './projection-command';
import { verifyProjection } from './verify-projection';

/** Exit code of a verification that found a read model damaged. */
export const EXIT_DAMAGE_FOUND = 3;

/**
 * `projections:verify [name…]`: checks the projections named, or all of them, against their
 * checkpoints, the log's streams and their own totals (`verifyProjection`), a line per projection
 * and one per problem. Safe while the service runs: it only reads, in one snapshot per projection.
 * Resolves with the exit code: 0 intact, 1 no database, 2 unknown projection name, 3 damage found.
 */
export function runVerifyCommand(names: readonly string[], context: ProjectionCommandContext): Promise<number> {
  return onProjections(names, context, async (db, _store, projections) => {
    const damaged: string[] = [];
    for (const projection of projections) {
      const { checkpoint, problems } = verifyProjection(db, projection);
      if (problems.length === 0) {
        context.stdout.write(`${projection.name}: intact${checkpoint === null ? ', nothing folded yet' : ` at checkpoint ${checkpoint}`}\n`);
        continue;
      }
      damaged.push(projection.name);
      for (const { message } of problems) context.stdout.write(`${projection.name}: DAMAGED: ${message}\n`);
    }
    if (damaged.length === 0) return 0;
    context.stdout.write(`Damage found: \`npm run projections:rebuild -- ${damaged.join(' ')}\` repairs it\n`);
    return EXIT_DAMAGE_FOUND;
  });
}
