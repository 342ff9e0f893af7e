import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { LANGUAGES, toStockholmIso } from '@dialogdag/shared';
import { MAIL_TEXT_KINDS, MailTextKind } from '../domain/mail-text-kinds';
import { MAX_MAIL_TEXT_LENGTH } from '../domain/mail-text.rules';
import { TEXTS } from '../messages.texts';
import type { MailTextItem, MailTextPreview, StoredMailText } from './mail-texts.service';

// The rules name the real limit in a sentence; this only stops absurd payloads early.
const HARD_LIMIT = 100_000;
const PLAIN = `Plain text, at most ${MAX_MAIL_TEXT_LENGTH} characters; a blank line between paragraphs; placeholders {name}, {personalLink}, {workshop}, {table}, {conference}, {date}, {venue}`;

export class MailTextDraftDto {
  @ApiPropertyOptional({ description: `After the greeting. ${PLAIN}`, example: 'Ingången till {venue} är från parken, vid fontänen.' })
  @IsOptional()
  @IsString({ message: 'intro must be text' })
  @MaxLength(HARD_LIMIT, { message: `intro must be at most ${MAX_MAIL_TEXT_LENGTH} characters` })
  intro?: string;

  @ApiPropertyOptional({ description: `Before the signature. ${PLAIN}`, example: 'Frågor? Ring Eva på 070-123 45 67.' })
  @IsOptional()
  @IsString({ message: 'closing must be text' })
  @MaxLength(HARD_LIMIT, { message: `closing must be at most ${MAX_MAIL_TEXT_LENGTH} characters` })
  closing?: string;
}

export class SaveMailTextDto extends MailTextDraftDto {
  @ApiProperty({ enum: LANGUAGES, description: 'Swedish and English are adapted separately; each recipient gets their registration’s language' })
  @IsIn(LANGUAGES, { message: 'language must be sv or en' })
  language!: 'sv' | 'en';
}

export class MailTextDraftsDto {
  @ApiPropertyOptional({ type: MailTextDraftDto })
  @IsOptional()
  @IsObject({ message: 'texts.sv must be an object with intro and closing' })
  @ValidateNested()
  @Type(() => MailTextDraftDto)
  sv?: MailTextDraftDto;

  @ApiPropertyOptional({ type: MailTextDraftDto })
  @IsOptional()
  @IsObject({ message: 'texts.en must be an object with intro and closing' })
  @ValidateNested()
  @Type(() => MailTextDraftDto)
  en?: MailTextDraftDto;
}

export class PreviewMailTextDto {
  @ApiPropertyOptional({ description: 'Whose e-mail: a registration of the conference; by default the first seat holder, or an imaginary participant' })
  @IsOptional()
  @IsUUID('all', { message: 'registrationId must be a registration id' })
  registrationId?: string;

  @ApiPropertyOptional({ type: MailTextDraftsDto, description: 'Texts not yet saved, per language; a language left out shows the saved text (both parts empty: the default)' })
  @IsOptional()
  @IsObject({ message: 'texts must be an object with sv and/or en' })
  @ValidateNested()
  @Type(() => MailTextDraftsDto)
  texts?: MailTextDraftsDto;
}

class UpdatedByView {
  @ApiProperty({ nullable: true, type: String }) id!: string | null;
  @ApiProperty() name!: string;
}

export class StoredMailTextView {
  @ApiProperty() intro!: string;
  @ApiProperty() closing!: string;
  @ApiProperty() updatedAt!: string;
  @ApiProperty({ type: UpdatedByView }) updatedBy!: UpdatedByView;
}

class AdaptedTextsView {
  @ApiProperty({ type: StoredMailTextView, nullable: true, description: 'null: the default text' }) sv!: StoredMailTextView | null;
  @ApiProperty({ type: StoredMailTextView, nullable: true, description: 'null: the default text' }) en!: StoredMailTextView | null;
}

export class MailTextItemView {
  @ApiProperty({ enum: MAIL_TEXT_KINDS }) kind!: MailTextKind;
  @ApiProperty({ example: 'Confirmation' }) label!: string;
  @ApiProperty({ description: 'When it is sent and what it always says (generated, not adaptable)' }) generated!: string;
  @ApiProperty({ description: 'Whether the e-mail ends with a personal link, so {personalLink} can be used' }) carriesPersonalLink!: boolean;
  @ApiProperty({ description: 'POST here to see the e-mail with these texts (or a draft)' }) previewPath!: string;
  @ApiProperty({ type: AdaptedTextsView }) texts!: AdaptedTextsView;
}

export class MailTextListView {
  @ApiProperty({ type: [MailTextItemView] }) items!: MailTextItemView[];
  @ApiProperty() total!: number;
}

class RenderedMailView {
  @ApiProperty() subject!: string;
  @ApiProperty() text!: string;
  @ApiProperty() html!: string;
  @ApiProperty({ description: 'Whether the conference’s own (or the draft’s) paragraphs are in it' }) adapted!: boolean;
}

class RenderedMailsView {
  @ApiProperty({ type: RenderedMailView }) sv!: RenderedMailView;
  @ApiProperty({ type: RenderedMailView }) en!: RenderedMailView;
}

class PreviewRecipientView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: LANGUAGES }) language!: 'sv' | 'en';
}

export class MailTextPreviewView {
  @ApiProperty({ type: PreviewRecipientView, nullable: true, description: 'Whose e-mail it is; null: an imaginary participant (no registrations yet)' })
  recipient!: PreviewRecipientView | null;
  @ApiProperty({ type: RenderedMailsView }) previews!: RenderedMailsView;
}

const storedView = (t: StoredMailText | null): StoredMailTextView | null =>
  t && { intro: t.intro, closing: t.closing, updatedAt: toStockholmIso(t.updatedAt), updatedBy: t.updatedBy };

export function toItemView(conferenceId: string, item: MailTextItem): MailTextItemView {
  const about = TEXTS.en.mailTexts.kinds[item.kind];
  return {
    kind: item.kind,
    label: about.label,
    generated: about.about,
    carriesPersonalLink: item.carriesPersonalLink,
    previewPath: `/api/conferences/${conferenceId}/mail-texts/${item.kind}/preview`,
    texts: { sv: storedView(item.texts.sv), en: storedView(item.texts.en) },
  };
}

export function toPreviewView(preview: MailTextPreview): MailTextPreviewView {
  const r = preview.recipient;
  return { recipient: r && r.id ? { id: r.id, name: r.name, email: r.email, language: r.language } : null, previews: preview.previews };
}
