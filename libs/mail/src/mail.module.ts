import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailComposer } from './mail.composer';
import { MailTexts } from './mail-texts';
import { MailTransport } from './mail.transport';
import { OutboxMessage } from './outbox-message.entity';
import { OutboxDispatcher } from './outbox.dispatcher';
import { OutboxLeases } from './outbox.leases';
import { OutboxRetention } from './outbox.retention';
import { OutboxService } from './outbox.service';

@Module({
  imports: [TypeOrmModule.forFeature([OutboxMessage])],
  providers: [MailTransport, OutboxService, OutboxLeases, OutboxDispatcher, OutboxRetention, MailComposer, MailTexts],
  exports: [OutboxService, OutboxDispatcher, OutboxRetention, MailComposer, MailTexts],
})
export class MailModule {}
