import { parseArgs } from 'node:util';
import type { INestApplicationContext } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { IsIn, validate } from 'class-validator';
import { DomainError } from '../../../shared';
import { ROLES, type Role } from '../domain/permissions';
import { RegisterDto } from '../dto/credentials.dto';
import { PasswordHasher } from '../users/password-hasher';
import { UsersService } from '../users/users.service';

export interface CommandOutput {
  out(line: string): void;
  err(line: string): void;
}

class CreateUserArgs extends RegisterDto {
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role!: Role;
}

const USAGE = 'create-user --email E --username U --password P --role R [--display-name N]';

/**
 * `create-user`: makes a registered account of any role (the way to the first super admin), with the
 * validation rules of registration, recorded on the audit trail. Exits 2 on bad arguments, 1 on a conflict.
 */
export const createUserCommand = {
  name: 'create-user',
  usage: USAGE,
  description: `Create an account of any role (${ROLES.join(', ')}); the password is never printed.`,
  async run(app: INestApplicationContext, args: string[], output: CommandOutput): Promise<number> {
    let values: Record<string, string | undefined>;
    try {
      values = parseArgs({
        args,
        strict: true,
        options: {
          email: { type: 'string' },
          username: { type: 'string' },
          password: { type: 'string' },
          role: { type: 'string' },
          'display-name': { type: 'string' },
        },
      }).values;
    } catch (e) {
      output.err(`${(e as Error).message}\nusage: ${USAGE}`);
      return 2;
    }
    const input = plainToInstance(CreateUserArgs, {
      email: values.email,
      username: values.username,
      password: values.password,
      role: values.role,
      displayName: values['display-name'],
    });
    const errors = await validate(input, { validationError: { target: false, value: false } });
    if (errors.length) {
      for (const e of errors)
        output.err(Object.values(e.constraints ?? {}).join('; ') || `${e.property} is not valid`);
      output.err(`usage: ${USAGE}`);
      return 2;
    }
    try {
      const passwordHash = await app.get(PasswordHasher).hash(input.password);
      const user = await app.get(UsersService).createByOperator({
        email: input.email,
        username: input.username,
        displayName: input.displayName ?? null,
        passwordHash,
        role: input.role,
      });
      output.out(`created ${user.role} ${user.username} <${user.email}> id ${user.id}`);
      return 0;
    } catch (e) {
      if (e instanceof DomainError) {
        output.err(`${e.code}: ${e.message}`);
        return 1;
      }
      throw e;
    }
  },
};
