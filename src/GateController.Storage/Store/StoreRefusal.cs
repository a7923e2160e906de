namespace GateController.Storage.Store;

/// <summary>An expected refusal with one message naming the thing, the value and what was expected.</summary>
public sealed record StoreRefusal(StoreRefusalReason Reason, string Message);
