import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import {
  IsPassword,
  NormalizeEmail,
  PASSWORD_MAX,
  Trim,
  USERNAME_MESSAGE,
  USERNAME_PATTERN,
} from './validators';

export class RegisterDto {
  @ApiProperty({ example: 'hana@example.com', description: 'Stored lower-case.' })
  @NormalizeEmail()
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'hana_s', pattern: USERNAME_PATTERN.source })
  @IsString()
  @Matches(USERNAME_PATTERN, { message: USERNAME_MESSAGE })
  username!: string;

  @ApiProperty({
    minLength: 8,
    maxLength: 128,
    description: 'A lower-case letter, an upper-case letter, a digit and a symbol.',
  })
  @IsPassword()
  password!: string;

  @ApiPropertyOptional({ maxLength: 100, example: 'Hana Sato' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 100)
  displayName?: string;
}

export class LoginDto {
  @ApiProperty({ example: 'hana@example.com' })
  @NormalizeEmail()
  @IsString()
  @Length(1, 254)
  email!: string;

  @ApiProperty()
  @IsString()
  @Length(1, PASSWORD_MAX)
  password!: string;
}

/** An empty body: anonymous sign-in takes no personal data. */
export class AnonymousSignInDto {}

export class UpgradeDto {
  @ApiProperty({ example: 'hana@example.com' })
  @NormalizeEmail()
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ minLength: 8, maxLength: 128 })
  @IsPassword()
  password!: string;

  @ApiPropertyOptional({ description: 'Replaces the generated username.', pattern: USERNAME_PATTERN.source })
  @IsOptional()
  @IsString()
  @Matches(USERNAME_PATTERN, { message: USERNAME_MESSAGE })
  username?: string;
}

export class RefreshDto {
  @ApiProperty()
  @IsString()
  @Length(1, 4096)
  refreshToken!: string;
}

export class LogoutDto {
  @ApiPropertyOptional({
    description: 'Also ends the login this refresh token belongs to, when it is one of yours.',
  })
  @IsOptional()
  @IsString()
  @Length(1, 4096)
  refreshToken?: string;
}
