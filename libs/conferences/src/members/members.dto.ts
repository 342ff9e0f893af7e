import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { CONFERENCE_ROLES, ConferenceRole } from '@dialogdag/auth';

const ROLE_MESSAGE = `role must be one of ${CONFERENCE_ROLES.join(', ')}`;

export class InviteDto {
  @ApiProperty({ example: 'colleague@example.org' })
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ enum: CONFERENCE_ROLES })
  @IsIn(CONFERENCE_ROLES, { message: ROLE_MESSAGE })
  role!: ConferenceRole;
}

export class ChangeRoleDto {
  @ApiProperty({ enum: CONFERENCE_ROLES })
  @IsIn(CONFERENCE_ROLES, { message: ROLE_MESSAGE })
  role!: ConferenceRole;
}

/** Creating an account on the invitation page (the address is the invitation's). */
export class InvitedAccountDto {
  @IsString({ message: 'name must be text' })
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(200)
  name!: string;

  @IsString({ message: 'password must be text' })
  @MinLength(1, { message: 'password must not be empty' })
  @MaxLength(200)
  password!: string;
}

export class MemberView {
  @ApiProperty({ format: 'uuid' }) organiserId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: CONFERENCE_ROLES }) role!: ConferenceRole;
}

export class MemberListView {
  @ApiProperty({ type: [MemberView] }) items!: MemberView[];
  @ApiProperty() total!: number;
}

export class InvitationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: CONFERENCE_ROLES }) role!: ConferenceRole;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ description: 'The link works once, until then' }) expiresAt!: string;
}

export class InvitationListView {
  @ApiProperty({ type: [InvitationView] }) items!: InvitationView[];
  @ApiProperty() total!: number;
}

export class AcceptedInvitationView {
  @ApiProperty({ format: 'uuid' }) conferenceId!: string;
  @ApiProperty({ enum: CONFERENCE_ROLES }) role!: ConferenceRole;
}
