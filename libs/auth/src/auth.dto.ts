import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'organiser@example.org' })
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty()
  @IsString({ message: 'password must be text' })
  @MinLength(1, { message: 'password must not be empty' })
  @MaxLength(200)
  password!: string;
}

export class CreateOrganiserDto {
  @ApiProperty()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty()
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(200)
  name!: string;

  @ApiProperty({ minLength: 12, description: 'At least 12 characters, not a common password' })
  @IsString()
  @MinLength(12, { message: 'password must be at least 12 characters' })
  @MaxLength(200)
  password!: string;
}

export class CreateApiTokenDto {
  @ApiProperty({ example: 'Reporting script' })
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(100)
  name!: string;
}

export class OrganiserView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'May create organiser accounts' }) isPlatformAdmin!: boolean;
}

export class LoginView extends OrganiserView {
  @ApiProperty({ description: 'Send as the X-CSRF-Token header with state-changing requests authenticated by the session cookie' })
  csrfToken!: string;
}

export class ApiTokenCreatedView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'Shown once; send as Authorization: Bearer <token>' }) token!: string;
}
