using Hub.Application.Directory.InviteStaffMember;
using Hub.Web.Design;
using MediatR;

namespace Hub.Web.Pages.Staff.Account;

/// <summary>A new member of staff sets their first password through an administrator's invitation; then they sign in and add an authenticator app.</summary>
public sealed class WelcomeModel(IMediator mediator) : FirstPasswordPage
{
    public override string Caption => "Your staff account";
    public override string PathBeforeToken => "/staff/account/welcome/";
    public override string AfterSignIn => "/staff";
    public override string WhoInvites => "hub administrator";
    public override string AfterPassword => "After this you sign in, then set up an authenticator app on your phone to keep people's records safe.";

    protected override Task<bool> AcceptAsync(string token, CancellationToken cancellationToken) =>
        mediator.Send(new AcceptStaffInvitation(token, Password, ConfirmPassword), cancellationToken);
}
