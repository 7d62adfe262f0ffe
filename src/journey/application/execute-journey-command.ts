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
import type { JourneyEvent } from '../domain/events';
import { decide } from '../domain/decide';
import { ParticipantNotFound, RuleViolation } from '../domain/errors';
import type { JourneyState } from '../domain/state';
import { Clock } from '../../clock/clock';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { commandIdDigester } from '../../personal-data/command-id-digest';
import { JourneyRepository } from './journey-repository';
import { OneAtATimePerKey } from './one-at-a-time-per-key';
import { extendedBy, type KnownJourney, knownJourney, RecentJourneys } from './recent-journeys';

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

/** Every journey command takes the same path: load the stream (or recall it), decide, append, return the case. */
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

  /** Recent participants' streams: their next command skips reading and folding the stream. */
  private readonly recent = new RecentJourneys();

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
    // An erasure shreds the key before it appends: it is decided on the stream as read, never on a hint.
    let hint = command.type === 'ErasePersonalData' ? undefined : this.recent.get(participantId);
    this.recent.forget(participantId);
    for (let attempt = 1; ; attempt++) {
      const known = hint ?? knownJourney(await this.journeys.load(participantId));
      const hinted = hint !== undefined;
      hint = undefined;
      try {
        const updated = await this.decideAndAppend(command, envelope, known, hinted);
        if (updated === null) {
          attempt--;
          continue;
        }
        if (command.type !== 'ErasePersonalData') this.recent.remember(participantId, updated);
        // Read-your-writes: once a mutation answers, queries and dashboards include it. The
        // events are stored either way; a stalled projection only delays the answer this long.
        await this.projections.waitUntilCaughtUp(updated.history.at(-1)!.position, READ_MODEL_WAIT_MS);
        return asSealed(toParticipantCase(updated.history, this.catalogue)!);
      } catch (error) {
        const retry = error instanceof WrongExpectedVersion && envelope.expectedVersion === null;
        if (!retry || attempt === ATTEMPTS_WITHOUT_EXPECTED_VERSION) throw error;
      }
    }
  }

  /**
   * The journey once the command is recorded; null when it was decided on a hint (RecentJourneys)
   * that cannot answer: a refusal, a retry already recorded, or a stale version the store refused.
   * The command is then taken again on the stream as read, so that only the stream itself ever
   * refuses a command or answers one already recorded.
   */
  private async decideAndAppend(
    command: JourneyCommand,
    envelope: CommandEnvelope,
    known: KnownJourney,
    hinted: boolean,
  ): Promise<KnownJourney | null> {
    let decision: Decision;
    try {
      decision = this.decideOn(command, envelope, known);
    } catch (error) {
      if (hinted) return null;
      throw error;
    }
    if (decision === ALREADY_RECORDED) return hinted ? null : known;
    const participantId = command.data.participantId;
    const { events, version } = decision;
    const metadata = { recordedAt: this.clock.now().toISOString(), recordedBy: envelope.caller.sub, commandId: envelope.commandId };
    try {
      const recorded =
        command.type === 'ErasePersonalData'
          ? await this.journeys.erase(participantId, events, version, metadata)
          : await this.journeys.append(participantId, events, version, metadata);
      return extendedBy(known, recorded);
    } catch (error) {
      // Sealing refuses a note once the key is shredded: an erasure the hint may not know of.
      if (hinted && (error instanceof WrongExpectedVersion || error instanceof RuleViolation)) return null;
      throw error;
    }
  }

  /** Checks the caller, a retry and the expected version, then decides the events to append at `version`. */
  private decideOn(command: JourneyCommand, { commandId, expectedVersion, caller }: CommandEnvelope, { history, journey }: KnownJourney): Decision {
    const participantId = command.data.participantId;
    if (history.length === 0 && command.type !== 'EnrolParticipant') throw new ParticipantNotFound(participantId);
    const { state } = journey;
    const operation = command.type === 'ErasePersonalData' ? 'erasePersonalData' : 'recordMilestones';
    // Before anything about the case is answered, a retry's included: it must be the caller's city.
    // Another city's participant is answered as an unknown one: its existence is not the caller's to learn.
    assertAllowed(caller, operation, state.enrolled || command.type !== 'EnrolParticipant' ? undefined : command.data.city);
    if (state.enrolled && !isAllowed(caller, operation, state.city)) throw new ParticipantNotFound(participantId);
    if (commandId !== null && history.some((r) => r.metadata.commandId === commandId)) return ALREADY_RECORDED;
    const version = history.length;
    if (expectedVersion !== null && expectedVersion !== version) {
      throw new WrongExpectedVersion(participantId, expectedVersion, version);
    }

    // The participant's city's today: a step of the adviser's day is not in the future because UTC's day is behind.
    const today = this.clock.today(timeZoneOf(this.catalogue, cityOf(command, state)));
    return { events: decide(command, journey, { today, catalogue: this.catalogue }), version };
  }
}

/** A retry of a command the stream already holds: answered with the case, nothing appended. */
const ALREADY_RECORDED = Symbol('already recorded');

type Decision = typeof ALREADY_RECORDED | { events: JourneyEvent[]; version: number };

/** The city whose today a command is dated against: the participant's, or the one a first enrolment names. */
function cityOf(command: JourneyCommand, state: JourneyState): string | null {
  if (state.enrolled) return state.city;
  return command.type === 'EnrolParticipant' ? command.data.city : null;
}
