/** Fired when the user selects a record in a dataset editor, so the prompt preview can follow it. */
import * as vscode from 'vscode';

export interface RecordSelection {
  document: vscode.TextDocument;
  /** 0-based line of the record. */
  line: number;
}

export const recordSelected = new vscode.EventEmitter<RecordSelection>();

/** The record last selected in a dataset editor, per document URI (the preview opens on it). */
export const lastSelectedLine = new Map<string, number>();
recordSelected.event((e) => lastSelectedLine.set(e.document.uri.toString(), e.line));
