import 'reflect-metadata';
import { runRebuildCommand } from '../projections/rebuild-command';
import { runProjectionCommandLine } from './projection-command-line';

/** `npm run projections:rebuild [-- name…]`: safe while the service runs on the same file. */
runProjectionCommandLine(runRebuildCommand, 'Rebuild failed');
