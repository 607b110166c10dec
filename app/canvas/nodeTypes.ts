import type { NodeTypes } from '@xyflow/react';
import { OpNode } from './OpNode';

/** Defined once, outside components, so React Flow never re-mounts nodes. */
export const nodeTypes: NodeTypes = { op: OpNode };
