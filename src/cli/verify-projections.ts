import 'reflect-metadata';
import { runVerifyCommand } from '../projections/verify-command';
import { runProjectionCommandLine } from './projection-command-line';

/** `npm run projections:verify [-- name…]`: reads only, safe while the service runs on the same file. */
runProjectionCommandLine(runVerifyCommand, 'Verification failed');
