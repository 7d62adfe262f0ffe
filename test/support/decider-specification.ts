import { BUILT_IN_CATALOGUE } from '../../src/catalogue/built-in-catalogue';
import type { JourneyCommand } from '../../src/journey/domain/commands';
import { type DecisionContext, decide } from '../../src/journey/domain/decide';
import { InvalidInput, type RuleCode, RuleViolation } from '../../src/journey/domain/errors';
import type { JourneyEvent } from '../../src/journey/domain/events';
import { foldJourney } from '../../src/journey/domain/journey';
import type { CalendarDate } from '../../src/journey/domain/vocabulary';

/** The service's clock in every journey test: the end of the programme's second year. */
export const TODAY: CalendarDate = '2008-06-30';

export const decisionContext = (today: CalendarDate = TODAY): DecisionContext => ({
  today,
  catalogue: BUILT_IN_CATALOGUE,
});

export interface Given {
  /** Moves the service's clock, for rules that depend on it. */
  asOf(today: CalendarDate): Given;
  when(command: JourneyCommand): When;
}

export interface When {
  then(expected: readonly JourneyEvent[]): void;
  thenThrows(rule: RuleCode): void;
  /** The fields reported, in any order; nothing else may be reported. */
  thenThrowsInvalidInput(...fields: string[]): void;
}

/** given(history).when(command).then(events): the decider's rules read as examples (cf. Emmett). */
export function given(history: readonly JourneyEvent[], today: CalendarDate = TODAY): Given {
  return {
    asOf: (newToday) => given(history, newToday),
    when: (command) => {
      const run = () => decide(command, foldJourney(history), decisionContext(today));
      return {
        then: (expected) => expect(run()).toEqual(expected),
        thenThrows: (rule) => {
          const error = refusal(run);
          expect(error).toBeInstanceOf(RuleViolation);
          expect((error as RuleViolation).rule).toBe(rule);
        },
        thenThrowsInvalidInput: (...fields) => {
          const error = refusal(run);
          expect(error).toBeInstanceOf(InvalidInput);
          const reported = (error as InvalidInput).fieldErrors.map((e) => e.field);
          expect([...reported].sort()).toEqual([...fields].sort());
        },
      };
    },
  };
}

function refusal(run: () => JourneyEvent[]): unknown {
  let events: JourneyEvent[];
  try {
    events = run();
  } catch (error) {
    return error;
  }
  throw new Error(`Expected the command to be refused, but it produced ${JSON.stringify(events)}`);
}
