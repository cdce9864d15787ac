using FluentValidation;
using Hub.Application.Conversations.SaveConversation;
using Hub.Application.Outcomes;

namespace Hub.Application.Conversations.SaveConversationSection;

/// <summary>
/// The conversation's own rules, applied to what the section page sent: the other sections are
/// empty in it (the handler keeps them as stored), so every message belongs to this section.
/// </summary>
public sealed class SaveConversationSectionValidator : AbstractValidator<SaveConversationSection>
{
    public SaveConversationSectionValidator(IMeasureRegistry measures)
    {
        RuleFor(s => s.Section).IsInEnum().WithMessage("That is not a section of the conversation");
        RuleFor(s => s.Content).SetValidator(new ConversationContentValidator(measures));
        RuleFor(s => s.Person!.Member!).SetValidator(new NetworkMemberValidator()).When(s => s.Person?.Member is not null);
    }
}
