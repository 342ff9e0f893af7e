import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsUUID } from 'class-validator';
import { IsRound, roundSchema } from './workshop.dto';

export class PlaceParticipantDto {
  @ApiProperty({ description: 'The workshop to place the person in' })
  @IsUUID('all', { message: 'workshopId must be a workshop id' })
  workshopId!: string;

  @ApiPropertyOptional({ ...roundSchema, description: 'Needed only when the workshop runs in several rounds' })
  @IsOptional()
  @IsRound({ message: 'round must be a round number or a workshop block id' })
  round?: number | string;

  @ApiPropertyOptional({ default: true, description: 'A locked place is kept by every later run' })
  @IsOptional()
  @IsBoolean({ message: 'locked must be true or false' })
  locked?: boolean;
}

export class AssignmentItemView {
  @ApiProperty() registrationId!: string;
  @ApiProperty() workshopId!: string;
  @ApiProperty(roundSchema) round!: number | string;
  @ApiProperty({ nullable: true, type: Number, description: 'Dialogue group within the workshop, from 1' }) group!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '1–3: which of their choices it is; null: outside their choices' }) rank!: number | null;
  @ApiProperty() locked!: boolean;
}

export class ObjectiveView {
  @ApiProperty() noneOfTheirChoices!: number;
  @ApiProperty() firstChoice!: number;
  @ApiProperty() secondChoice!: number;
  @ApiProperty() thirdChoice!: number;
}

export class CountsView {
  @ApiProperty({ description: 'Seat holders (times rounds, in totals)' }) participants!: number;
  @ApiProperty() withPreferences!: number;
  @ApiProperty() firstChoice!: number;
  @ApiProperty() secondChoice!: number;
  @ApiProperty() thirdChoice!: number;
  @ApiProperty({ description: 'With preferences, placed outside them' }) noChoice!: number;
  @ApiProperty({ description: 'With preferences, without a place (no room left)' }) unassigned!: number;
  @ApiProperty({ description: 'Without preferences, placed where room was left' }) withoutPreferences!: number;
  @ApiProperty() withoutPreferencesUnassigned!: number;
}

export class RoundMetricsView extends CountsView {
  @ApiProperty(roundSchema) round!: number | string;
}

export class MetricsView extends CountsView {
  @ApiProperty({ type: [RoundMetricsView] }) rounds!: RoundMetricsView[];
  @ApiProperty({ description: 'Proved optimal: the result reaches the bound of the flow relaxation' }) optimal!: boolean;
  @ApiProperty({ type: ObjectiveView, description: 'The best any assignment can reach (single-round flow bound)' }) bound!: ObjectiveView;
  @ApiProperty({ type: ObjectiveView, description: 'How far the result is from the bound; all zero when optimal' }) gap!: ObjectiveView;
  @ApiProperty({ description: 'Time the assignment itself took, in milliseconds' }) durationMs!: number;
}

export class TransferChangeView {
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
}

export class ChangesView {
  @ApiProperty({ type: [String], description: 'Seat holders the last run did not know' }) added!: string[];
  @ApiProperty({ type: [String], description: 'People the last run placed who no longer hold a seat' }) left!: string[];
  @ApiProperty({ type: [TransferChangeView], description: 'Seats handed to a colleague, who keeps the workshop' }) transferred!: TransferChangeView[];
  @ApiProperty({ type: [String] }) preferencesChanged!: string[];
  @ApiProperty({ description: 'Places set by hand since the run' }) movedByHand!: number;
}

export class AssignmentView {
  @ApiProperty({ type: [AssignmentItemView] }) assignments!: AssignmentItemView[];
  @ApiProperty({ type: MetricsView, nullable: true, description: 'Of the last run; null before the first' }) metrics!: MetricsView | null;
  @ApiProperty({ nullable: true, type: String }) ranAt!: string | null;
  @ApiProperty({ type: ChangesView, nullable: true, description: 'What changed since the last run; null before the first' }) changes!: ChangesView | null;
}

export class NotifyWorkshopsResultView {
  @ApiProperty({ description: 'E-mails queued in the outbox' }) queued!: number;
}
