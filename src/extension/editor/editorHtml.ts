/** The dataset editor webview's HTML (see ../webviewHtml.ts). */
import type * as vscode from 'vscode';
import { webviewHtml } from '../webviewHtml';

export function editorHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  return webviewHtml(webview, extensionUri, { script: 'editor.js', title: 'Dataset editor', label: 'Dataset editor' });
}
