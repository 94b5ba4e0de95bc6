/** Why the engine refused a request; the local server turns the kind into Graph's status and code. */
export type EngineFailureKind = 'notFound' | 'invalid' | 'unsupported' | 'closing' | 'readOnly';

export class EngineFailure extends Error {
  constructor(
    readonly kind: EngineFailureKind,
    message: string,
  ) {
    super(message);
    this.name = 'EngineFailure';
  }
}

export function isEngineFailure(error: unknown): error is EngineFailure {
  return error instanceof Error && error.name === 'EngineFailure';
}
