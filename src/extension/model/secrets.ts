/** The API key lives only in SecretStorage, one per base URL origin; never in settings, logs or webviews. */
import * as vscode from 'vscode';

const PREFIX = 'instructStudio.apiKey:';

/** The origin of a base URL ("https://api.openai.com"), or the text itself when it is no URL. */
export function keyScope(baseUrl: string): string {
  try {
    return new URL(baseUrl).origin;
  } catch {
    return baseUrl;
  }
}

export class ApiKeys {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  get(baseUrl: string): Thenable<string | undefined> {
    return this.secrets.get(PREFIX + keyScope(baseUrl));
  }

  set(baseUrl: string, key: string): Thenable<void> {
    return this.secrets.store(PREFIX + keyScope(baseUrl), key);
  }

  delete(baseUrl: string): Thenable<void> {
    return this.secrets.delete(PREFIX + keyScope(baseUrl));
  }
}
