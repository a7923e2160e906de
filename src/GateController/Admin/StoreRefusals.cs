using GateController.Storage.Store;

namespace GateController.Admin;

internal static class StoreRefusals
{
    public static IResult ToResult(StoreRefusal refusal) => ApiResults.Error(
        refusal.Reason switch
        {
            StoreRefusalReason.PersonNotFound => StatusCodes.Status404NotFound,
            StoreRefusalReason.DuplicatePerson or StoreRefusalReason.CardInUse or StoreRefusalReason.GroupInUse => StatusCodes.Status409Conflict,
            StoreRefusalReason.CardNotFound or StoreRefusalReason.PinNotSet or StoreRefusalReason.GroupNotFound => StatusCodes.Status404NotFound,
            _ => StatusCodes.Status400BadRequest,
        },
        refusal.Message);
}
