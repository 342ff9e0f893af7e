import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailComposer } from './mail.composer';
import { MailTexts } from './mail-texts';
import { MailTransport } from './mail.transport';
import { OutboxMessage } from './outbox-message.entity';
import { OutboxDispatcher } from './outbox.dispatcher';
import { OutboxService } from './outbox.service';

@Module({
  imports: [TypeOrmModule.forFeature([OutboxMessage])],
  providers: [MailTransport, OutboxService, OutboxDispatcher, MailComposer, MailTexts],
  exports: [OutboxService, OutboxDispatcher, MailComposer, MailTexts],
})
export class MailModule {}
