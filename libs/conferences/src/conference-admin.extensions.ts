import { Injectable } from '@nestjs/common';
import { ConferenceRole, Permission, roleAllows } from '@dialogdag/auth';
import type { Language } from '@dialogdag/shared';
import type { SafeHtml } from '@dialogdag/web';
import type { Conference } from './conference.entity';

/**
 * A back-office page of a lib built on conferences (workshops, seating, claims…), linked from the overview to
 * those whose role may open it (as the page's access declaration says).
 */
export interface ConferenceAdminLink {
  key: string;
  /** Lower comes first. */
  order: number;
  label: Record<Language, string>;
  path(conferenceId: string): string;
}

export interface ConferenceAdminPanelContext {
  organiserId: string;
  role: ConferenceRole;
  conference: Conference;
  lang: Language;
}

/** A block on the conference overview (e.g. the headline figures), shown to roles that have its permission. */
export interface ConferenceAdminPanel {
  key: string;
  order: number;
  permission: Permission;
  render(context: ConferenceAdminPanelContext): Promise<SafeHtml | null>;
}

/**
 * Where the libs built on conferences put themselves on the conference's back-office overview,
 * so the conferences lib links to them without depending on them.
 */
@Injectable()
export class ConferenceAdminExtensions {
  private readonly linkList: ConferenceAdminLink[] = [];
  private readonly panelList: ConferenceAdminPanel[] = [];

  addLink(link: ConferenceAdminLink): void {
    this.linkList.splice(0, this.linkList.length, ...[...this.linkList.filter((l) => l.key !== link.key), link].sort((a, b) => a.order - b.order));
  }

  addPanel(panel: ConferenceAdminPanel): void {
    this.panelList.splice(0, this.panelList.length, ...[...this.panelList.filter((p) => p.key !== panel.key), panel].sort((a, b) => a.order - b.order));
  }

  get links(): readonly ConferenceAdminLink[] {
    return this.linkList;
  }

  async panels(context: ConferenceAdminPanelContext): Promise<SafeHtml[]> {
    const visible = this.panelList.filter((panel) => roleAllows(context.role, panel.permission));
    const rendered = await Promise.all(visible.map((panel) => panel.render(context)));
    return rendered.filter((panel): panel is SafeHtml => panel !== null);
  }
}
