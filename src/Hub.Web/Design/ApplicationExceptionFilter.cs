using Hub.Application.Common.Exceptions;
using Hub.Domain.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Hub.Web.Design;

/// <summary>Maps the use cases' failures to responses once: not found 404, forbidden 403, a broken domain rule 409, a change to a restricted record 423.</summary>
internal sealed class ApplicationExceptionFilter : IExceptionFilter
{
    public void OnException(ExceptionContext context)
    {
        int? status = context.Exception switch
        {
            NotFoundException => StatusCodes.Status404NotFound,
            ForbiddenAccessException => StatusCodes.Status403Forbidden,
            DomainRuleException => StatusCodes.Status409Conflict,
            ProcessingRestrictedException => StatusCodes.Status423Locked,
            _ => null,
        };
        if (status is not null)
        {
            context.Result = new StatusCodeResult(status.Value);
            context.ExceptionHandled = true;
        }
    }
}
