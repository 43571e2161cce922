package io.tronpay.client;

/**
 * The node understood the request and refused it. {@link #code()} is the node's code, such as
 * {@code SIGERROR}, {@code CONTRACT_VALIDATE_ERROR}, {@code TAPOS_ERROR} or {@code
 * DUP_TRANSACTION_ERROR}; {@link #nodeMessage()} is its message, decoded from hex when the node
 * sent hex.
 */
public class TronNodeException extends TronClientException {
  private static final long serialVersionUID = 1L;

  /** Broadcast codes of java-tron's {@code Return.response_code}. */
  public static final String SIGERROR = "SIGERROR";
  /** The contract failed validation (balance, permission, ...). */
  public static final String CONTRACT_VALIDATE_ERROR = "CONTRACT_VALIDATE_ERROR";
  /** The contract failed while executing. */
  public static final String CONTRACT_EXE_ERROR = "CONTRACT_EXE_ERROR";
  /** Not enough bandwidth and not enough TRX to burn for it (the node's spelling). */
  public static final String BANDWITH_ERROR = "BANDWITH_ERROR";
  /** The node already has this transaction. */
  public static final String DUP_TRANSACTION_ERROR = "DUP_TRANSACTION_ERROR";
  /** The reference block is unknown to the node. */
  public static final String TAPOS_ERROR = "TAPOS_ERROR";
  /** The transaction is too big. */
  public static final String TOO_BIG_TRANSACTION_ERROR = "TOO_BIG_TRANSACTION_ERROR";
  /** The transaction expired or expires too far ahead. */
  public static final String TRANSACTION_EXPIRATION_ERROR = "TRANSACTION_EXPIRATION_ERROR";
  /** The node is too busy to take the transaction. */
  public static final String SERVER_BUSY = "SERVER_BUSY";
  /** Anything else, including servlet errors ({@code {"Error": ...}}). */
  public static final String OTHER_ERROR = "OTHER_ERROR";

  private final String code;
  private final String nodeMessage;

  /** A refusal with the node's code and decoded message. */
  public TronNodeException(String code, String nodeMessage) {
    super(code + ": " + nodeMessage, null);
    this.code = code;
    this.nodeMessage = nodeMessage;
  }

  /** The node's code, such as {@link #SIGERROR}. */
  public String code() {
    return code;
  }

  /** The node's message, hex-decoded when it was hex. */
  public String nodeMessage() {
    return nodeMessage;
  }
}
