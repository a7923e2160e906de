namespace GateController.Storage.Store;

/// <summary>Expected reasons an admin request is refused; the host maps them to exit codes and HTTP statuses.</summary>
public enum StoreRefusalReason
{
    InvalidPersonId,
    InvalidName,
    DuplicatePerson,
    PersonNotFound,
    ConsentRequired,
    InvalidConsent,
    CardInUse,
    CardNotFound,
    PinRefused,
    PinNotSet,
    InvalidGroup,
    GroupNotFound,
    GroupInUse,
    InvalidValidity,
}
