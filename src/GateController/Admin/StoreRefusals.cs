using GateController.Storage.Store;

namespace GateController.Admin;

internal static class StoreRefusals
{
    public static IResult ToResult(StoreRefusal refusal) => ApiResults.Error(
        refusal.Reason switch
        {
            StoreRefusalReason.PersonNotFound => StatusCodes.Status404NotFound,
            StoreRefusalReason.DuplicatePerson => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status400BadRequest,
        },
        refusal.Message);
}
