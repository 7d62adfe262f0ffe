import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { assertAllowed, isAllowed } from '../../auth/access-policy';
import type { Principal } from '../../auth/principal';
import { CATALOGUE } from '../../catalogue/catalogue.tokens';
import { type Catalogue, timeZoneOf } from '../../catalogue/catalogue';
import { errorCodeOf } from '../../graphql/error-code';
import { Metrics } from '../../operations/metrics';
import { ProjectionRunner } from '../../projections/projection-runner';
import { WrongExpectedVersion } from '../../event-store/event-store.port';
import { toParticipantCase } from '../case/participant-case';
import { asSealed, type SealedCase } from '../case/sealed-case';
import type { JourneyCommand } from '../domain/commands';
import { decide } from '../domain/decide';
import { ParticipantNotFound } from '../domain/errors';
import type { JourneyState } from '../domain/state';
import { Clock } from '../../clock/clock';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { commandIdDigester } from '../../personal-data/command-id-digest';
import { JourneyRepository } from './journey-repository';
import { OneAtATimePerKey } from './one-at-a-time-per-key';
import { type LoadedJourney, RecentJourneys } from './recent-journeys';

export interface CommandEnvelope {
  /**
   * Makes a retry safe: a command whose id is already in the stream is not recorded again. The
   * stream keeps only its keyed hash (src/personal-data/command-id-digest.ts), never the id itself.
   */
  commandId: string | null;
  /** The version the client based its command on; any version when null. */
  expectedVersion: number | null;
  /** Who records it: recorded as `recordedBy`, and allowed only for the participant's city. */
  caller: Principal;
}

/** Every journey command takes the same path: load the stream, decide, append, return the case. */
export class ExecuteJourneyCommand extends Command<SealedCase> {
  constructor(
    readonly command: JourneyCommand,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}

/** When the client gave no expected version, an append raced by another process is retried on the fresh stream. */
const ATTEMPTS_WITHOUT_EXPECTED_VERSION = 5;
const READ_MODEL_WAIT_MS = 2_000;

@CommandHandler(ExecuteJourneyCommand)
export class ExecuteJourneyCommandHandler implements ICommandHandler<ExecuteJourneyCommand, SealedCase> {
  private readonly perParticipant = new OneAtATimePerKey();

  private readonly recent: RecentJourneys;

  private readonly commandIdDigest: (commandId: string) => string;

  constructor(
    private readonly journeys: JourneyRepository,
    private readonly clock: Clock,
    private readonly projections: ProjectionRunner,
    private readonly metrics: Metrics,
    @Inject(CATALOGUE) private readonly catalogue: Catalogue,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.commandIdDigest = commandIdDigester(config.pseudonymSecret);
    this.recent = new RecentJourneys(journeys);
  }

  async execute({ command, envelope }: ExecuteJourneyCommand): Promise<SealedCase> {
    // Whoever sends the command, the stream keeps the digest only: a retry sends the same id, so finds the same digest.
    const stored = { ...envelope, commandId: envelope.commandId === null ? null : this.commandIdDigest(envelope.commandId) };
    try {
      const answer = await this.perParticipant.run(command.data.participantId, () => this.executeAlone(command, stored));
      this.metrics.commands.inc({ command: command.type, outcome: 'ok' });
      return answer;
    } catch (error) {
      this.metrics.commands.inc({ command: command.type, outcome: errorCodeOf(error) ?? 'INTERNAL_SERVER_ERROR' });
      throw error;
    }
  }

  private async executeAlone(command: JourneyCommand, envelope: CommandEnvelope): Promise<SealedCase> {
    const participantId = command.data.participantId;
    for (let attempt = 1; ; attempt++) {
      const loaded = await this.recent.load(participantId);
      try {
        const { history } = await this.decideAndAppend(command, envelope, loaded);
        // Read-your-writes: once a mutation answers, queries and dashboards include it. The
        // events are stored either way; a stalled projection only delays the answer this long.
        await this.projections.waitUntilCaughtUp(history.at(-1)!.position, READ_MODEL_WAIT_MS);
        return asSealed(toParticipantCase(history, this.catalogue)!);
      } catch (error) {
        if (error instanceof WrongExpectedVersion) this.recent.forget(participantId);
        const retry = error instanceof WrongExpectedVersion && envelope.expectedVersion === null;
        if (!retry || attempt === ATTEMPTS_WITHOUT_EXPECTED_VERSION) throw error;
      }
    }
  }

  private async decideAndAppend(
    command: JourneyCommand,
    { commandId, expectedVersion, caller }: CommandEnvelope,
    loaded: LoadedJourney,
  ): Promise<LoadedJourney> {
    const participantId = command.data.participantId;
    const { history, journey } = loaded;
    if (history.length === 0 && command.type !== 'EnrolParticipant') throw new ParticipantNotFound(participantId);
    const { state } = journey;
    const operation = command.type === 'ErasePersonalData' ? 'erasePersonalData' : 'recordMilestones';
    // Before anything about the case is answered, a retry's included: it must be the caller's city.
    // Another city's participant is answered as an unknown one: its existence is not the caller's to learn.
    assertAllowed(caller, operation, state.enrolled || command.type !== 'EnrolParticipant' ? undefined : command.data.city);
    if (state.enrolled && !isAllowed(caller, operation, state.city)) throw new ParticipantNotFound(participantId);
    if (commandId !== null && history.some((r) => r.metadata.commandId === commandId)) return loaded;
    const version = history.length;
    if (expectedVersion !== null && expectedVersion !== version) {
      throw new WrongExpectedVersion(participantId, expectedVersion, version);
    }

    // The participant's city's today: a step of the adviser's day is not in the future because UTC's day is behind.
    const today = this.clock.today(timeZoneOf(this.catalogue, cityOf(command, state)));
    const events = decide(command, journey, { today, catalogue: this.catalogue });
    const metadata = { recordedAt: this.clock.now().toISOString(), recordedBy: caller.sub, commandId };
    const recorded =
      command.type === 'ErasePersonalData'
        ? await this.journeys.erase(participantId, events, version, metadata)
        : await this.journeys.append(participantId, events, version, metadata);
    return this.recent.appended(participantId, loaded, recorded);
  }
}

/** The city whose today a command is dated against: the participant's, or the one a first enrolment names. */
function cityOf(command: JourneyCommand, state: JourneyState): string | null {
  if (state.enrolled) return state.city;
  return command.type === 'EnrolParticipant' ? command.data.city : null;
}
