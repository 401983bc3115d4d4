// The Explorer: the workspace's file tree (ARIA tree), live as files come and go on disk.
import { useState, type KeyboardEvent } from 'react';
import type { FileNode } from '../../app/workspace';
import { useWorkspace } from '../state/workspace-store';
import { useShallow } from 'zustand/react/shallow';
import { fileProofBadge, useProofs } from '../state/proof-store';

interface Props {
  onOpen(path: string): void;
}

/** A file's proof state in one glance: failed, running (or stale), or verified, with counts. */
function ProofBadge({ path, name }: { path: string; name: string }) {
  const badge = useProofs(useShallow((s) => fileProofBadge(s.functions, path)));
  if (!badge) return null;
  const text = badge.state === 'failed' ? `${badge.failed} failed` : badge.state === 'running' ? 'verifying' : `${badge.verified} verified`;
  return (
    <span className={`file-badge file-badge-${badge.state}`} role="img" aria-label={`${name}: ${text}`} title={text}>
      {badge.state === 'failed' ? `✗${badge.failed}` : badge.state === 'running' ? '…' : '✓'}
    </span>
  );
}

function TreeItem({ node, level, onOpen }: { node: FileNode; level: number; onOpen(path: string): void }) {
  const active = useWorkspace((s) => s.active);
  const [expanded, setExpanded] = useState(level <= 2);
  const isDir = node.kind === 'directory';
  const activate = () => (isDir ? setExpanded((e) => !e) : onOpen(node.path));
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      e.stopPropagation();
      activate();
    } else if (isDir && e.key === 'ArrowRight') setExpanded(true);
    else if (isDir && e.key === 'ArrowLeft') setExpanded(false);
  };
  return (
    <li
      role="treeitem"
      aria-level={level}
      aria-expanded={isDir ? expanded : undefined}
      aria-selected={!isDir && active === node.path}
      aria-label={node.name}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onClick={(e) => {
        e.stopPropagation();
        activate();
      }}
      className={`tree-item ${isDir ? 'dir' : 'file'} ${!isDir && active === node.path ? 'selected' : ''}`}
    >
      <span className="tree-label" style={{ paddingLeft: `${(level - 1) * 12 + 6}px` }}>
        <span aria-hidden="true" className="tree-icon">
          {isDir ? (expanded ? '▾' : '▸') : node.name.endsWith('.rs') ? '⚙' : '·'}
        </span>
        {node.name}
        {!isDir && node.name.endsWith('.rs') && <ProofBadge path={node.path} name={node.name} />}
      </span>
      {isDir && expanded && node.children && node.children.length > 0 && (
        <ul role="group">
          {node.children.map((child) => (
            <TreeItem key={child.path} node={child} level={level + 1} onOpen={onOpen} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** Up/Down move between the visible rows of the tree, as in any tree view. */
function moveInTree(e: KeyboardEvent<HTMLUListElement>) {
  if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
  const rows = [...e.currentTarget.querySelectorAll<HTMLElement>('[role="treeitem"]')];
  const at = rows.indexOf((e.target as HTMLElement).closest<HTMLElement>('[role="treeitem"]')!);
  const next = rows[at + (e.key === 'ArrowDown' ? 1 : -1)];
  if (at < 0 || !next) return;
  e.preventDefault();
  next.focus();
}

export function Explorer({ onOpen }: Props) {
  const tree = useWorkspace((s) => s.tree);
  const info = useWorkspace((s) => s.info);
  return (
    <nav className="explorer" aria-label="Explorer">
      <h2 className="panel-title">Explorer{info ? `: ${info.name}` : ''}</h2>
      {!tree ? (
        <p className="empty">The workspace's files will appear here.</p>
      ) : tree.children?.length === 0 ? (
        <p className="empty">This workspace is empty.</p>
      ) : (
        <ul role="tree" aria-label="Workspace files" className="tree" onKeyDown={moveInTree}>
          {tree.children?.map((node) => <TreeItem key={node.path} node={node} level={1} onOpen={onOpen} />)}
        </ul>
      )}
    </nav>
  );
}
