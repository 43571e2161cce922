package io.tronpay.client.internal;

/**
 * JSON that is malformed or does not have the expected shape. The message starts with the JSON
 * path of the fault; public callers rethrow it as their own typed exception.
 */
public final class JsonShapeException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** A fault at {@code path}; an empty path means the document itself. */
  public JsonShapeException(String path, String fault) {
    super((path.isEmpty() ? "(document)" : path) + ": " + fault);
  }

  /** A fault whose message already starts with its path. */
  public JsonShapeException(String messageWithPath) {
    super(messageWithPath);
  }
}
