import { onProjections, type ProjectionCommandContext } from './projection-command';
import { rebuildProgressReport } from './rebuild-progress-report';
import { rebuildProjection } from './rebuild-projections';

/**
 * `projections:rebuild [name…]`: rebuilds the projections named, or all of them, one after the
 * other. Resolves with the exit code: 0 done, 1 no database, 2 unknown projection name.
 */
export function runRebuildCommand(names: readonly string[], context: ProjectionCommandContext): Promise<number> {
  return onProjections(names, context, async (db, store, projections) => {
    const listener = rebuildProgressReport(context.stdout);
    for (const projection of projections) await rebuildProjection(db, store, projection, { listener });
    return 0;
  });
}
