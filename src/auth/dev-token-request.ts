import { IsIn, IsString } from 'class-validator';
import { ROLES, type Role } from './principal';

/** What the development sign-in page asks for: a role, and a city code of the catalogue or '*'. */
export class DevTokenRequest {
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role!: Role;

  @IsString({ message: "city must be a city code of the catalogue, or '*'" })
  city!: string;
}
