import { Inject, Injectable, ValidationPipe } from '@nestjs/common';
import type { ValidationError, ValidatorOptions } from 'class-validator';
import { type Catalogue, timeZoneOf } from '../catalogue/catalogue';
import { CATALOGUE } from '../catalogue/catalogue.tokens';
import { Clock } from '../clock/clock';
import type { JourneyCommand } from '../journey/domain/commands';
import { enrolmentInputErrors } from '../journey/domain/enrolment-input';
import { InvalidInput } from '../journey/domain/errors';
import { Metrics } from '../operations/metrics';
import { toFieldErrors } from './field-errors';

/** A mutation's input class: it makes the command the mutation runs. */
interface CommandInput {
  toCommand(): JourneyCommand;
}

const isCommandInput = (input: object): input is CommandInput => typeof (input as Partial<CommandInput>).toCommand === 'function';

/**
 * Validates every GraphQL input against its class-validator rules before any command is made,
 * and an enrolment against the domain's checks that need no stream: every field error of a
 * request in one answer. A refused command input is counted as the command handler counts its own.
 */
@Injectable()
export class InputValidationPipe extends ValidationPipe {
  constructor(
    @Inject(CATALOGUE) private readonly catalogue: Catalogue,
    private readonly clock: Clock,
    private readonly metrics: Metrics,
  ) {
    super({
      transform: true,
      forbidUnknownValues: true,
      validationError: { target: false, value: false },
      exceptionFactory: (errors) => new InvalidInput(toFieldErrors(errors)),
    });
  }

  protected override async validate(input: object, options?: ValidatorOptions): Promise<ValidationError[]> {
    const errors = [...(await super.validate(input, options))];
    if (!isCommandInput(input)) return errors;
    const command = input.toCommand();
    if (command.type === 'EnrolParticipant') {
      const today = this.clock.today(timeZoneOf(this.catalogue, command.data.city));
      const domainErrors = enrolmentInputErrors(command.data, { today, catalogue: this.catalogue });
      errors.push(...domainErrors.map(({ field, message }) => ({ property: field, constraints: { domain: message }, children: [] })));
    }
    if (errors.length > 0) this.metrics.commands.inc({ command: command.type, outcome: 'BAD_USER_INPUT' });
    return errors;
  }
}
