// The Profile tab: my card as others see it, and the form that edits it (display name, avatar
// URL, bio). The preview follows the avatar field as it is typed; a save sends only what changed.

import { StatusLine } from './controls';
import type { Directory } from './directory';
import { el } from './element';
import type { Account, ParleyApi } from './http-api';
import { avatar } from './peer-label';
import { profileChanges, profileProblem, type ProfileForm } from './profile-rules';

export interface ProfileViewOptions {
  api: ParleyApi;
  directory: Directory;
  /** The account as the login answered it; GET /api/me fills in avatar and bio. */
  account: Account;
  /** After a save: the account as the server now has it. */
  saved(account: Account): void;
}

export class ProfileView {
  readonly element: HTMLElement;
  private account: Account;
  private readonly preview = el('div', { class: 'profile-preview' });
  private readonly name = field('profile-name', 'input', 'Display name');
  private readonly avatarUrl = field('profile-avatar-url', 'input', 'Avatar URL (http or https image)');
  private readonly bio = field('profile-bio', 'textarea', 'Bio');
  private readonly save = el('button', { type: 'submit', class: 'primary', 'data-testid': 'profile-save' }, 'Save');
  private readonly status = new StatusLine('profile-status', 'form-status');

  constructor(private readonly options: ProfileViewOptions) {
    this.account = options.account;
    (this.name.control as HTMLInputElement).maxLength = 64;
    (this.avatarUrl.control as HTMLInputElement).type = 'url';
    (this.avatarUrl.control as HTMLInputElement).placeholder = 'https://example.org/me.png';
    (this.bio.control as HTMLTextAreaElement).rows = 4;
    this.avatarUrl.control.addEventListener('input', () => this.renderPreview());
    this.name.control.addEventListener('input', () => this.renderPreview());

    const form = el(
      'form',
      { class: 'profile-form', novalidate: true },
      this.name.label,
      this.avatarUrl.label,
      this.bio.label,
      this.status.element,
      this.save,
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.submit();
    });
    this.element = el(
      'div',
      { class: 'profile-page' },
      el('div', { class: 'profile-sheet', 'data-testid': 'profile-view' }, this.preview, form),
    );
    this.fill();
  }

  /** Loads the full profile each time the tab opens; an edit in progress is kept. */
  shown(): void {
    this.options.api
      .me()
      .then((account) => {
        const editing = this.dirty();
        this.account = { ...this.account, ...account };
        this.options.directory.rememberUser(this.account);
        if (!editing) this.fill();
      })
      .catch((e: unknown) => this.status.error(e));
  }

  private async submit(): Promise<void> {
    const form = this.formValues();
    const problem = profileProblem(form);
    if (problem) return this.status.show(problem, 'error');
    const changes = profileChanges(this.account, form);
    if (Object.keys(changes).length === 0) return this.status.show('Nothing to save.', 'info');
    this.save.disabled = true;
    this.status.clear();
    try {
      const account = await this.options.api.updateMe(changes);
      this.account = { ...this.account, ...account };
      this.options.directory.rememberUser(this.account);
      this.options.saved(this.account);
      this.fill();
      this.status.show('Saved.', 'ok');
    } catch (e) {
      this.status.error(e);
    } finally {
      this.save.disabled = false;
    }
  }

  private formValues(): ProfileForm {
    return {
      displayName: this.name.control.value,
      avatarUrl: this.avatarUrl.control.value,
      bio: this.bio.control.value,
    };
  }

  private dirty(): boolean {
    return Object.keys(profileChanges(this.account, this.formValues())).length > 0;
  }

  private fill(): void {
    this.name.control.value = this.account.displayName;
    this.avatarUrl.control.value = this.account.avatarUrl ?? '';
    this.bio.control.value = this.account.bio ?? '';
    this.renderPreview();
  }

  private renderPreview(): void {
    const name = this.name.control.value.trim() || this.account.displayName;
    this.preview.replaceChildren(
      avatar(this.account.userId, name, this.avatarUrl.control.value.trim() || null, 'large'),
      el(
        'div',
        {},
        el('h2', { class: 'card-name', 'data-testid': 'profile-display-name' }, name),
        el('p', { class: 'card-sub' }, `${this.account.phone} · #${this.account.userId}`),
      ),
    );
  }
}

function field(testId: string, tag: 'input' | 'textarea', labelText: string) {
  const control =
    tag === 'input'
      ? el('input', { type: 'text', 'data-testid': testId, autocomplete: 'off' })
      : el('textarea', { 'data-testid': testId });
  return { control, label: el('label', { class: 'field' }, el('span', {}, labelText), control) };
}
