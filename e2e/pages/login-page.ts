import { type Locator, type Page, expect } from '@playwright/test';

export class LoginPage {
  readonly domain: Locator;
  readonly username: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.domain = page.getByLabel(/^(Domain|ドメイン)$/);
    this.username = page.getByLabel(/^(User name|ユーザー名)$/);
    this.password = page.getByLabel(/^(Password|パスワード)$/);
    this.submit = page.getByRole('button', { name: /^(Log in|ログイン)$/ });
    this.error = page.locator('#login-error');
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/login${query}`);
    await expect(this.submit).toBeEnabled();
  }

  async login(username: string, password = 'secret', domain = 'Default'): Promise<void> {
    await this.domain.fill(domain);
    await this.username.fill(username);
    await this.password.fill(password);
    await this.submit.click();
  }

  /** Logs in and waits for the project overview. */
  async loginAs(username: string, password = 'secret'): Promise<void> {
    await this.goto();
    await this.login(username, password);
    await expect(this.page).toHaveURL(/\/project\/overview$/);
  }
}
