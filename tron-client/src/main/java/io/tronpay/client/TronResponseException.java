package io.tronpay.client;

/**
 * The node answered, but the answer is malformed or not what the call expects: not JSON, an HTML
 * error page, a missing or mistyped field, or a transaction whose parts disagree. The message
 * names the endpoint and the JSON path of the fault.
 */
public class TronResponseException extends TronClientException {
  private static final long serialVersionUID = 1L;

  /** A malformed response, with the fault's path in the message. */
  public TronResponseException(String message, Throwable cause) {
    super(message, cause);
  }
}
