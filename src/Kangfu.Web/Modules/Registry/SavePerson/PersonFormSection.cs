using Microsoft.AspNetCore.Components;

namespace Kangfu.Web.Modules.Registry.SavePerson;

/// <summary>Base of the person form's sections: they change the shared state and tell the page to re-render.</summary>
public abstract class PersonFormSection : ComponentBase
{
    [Parameter, EditorRequired] public PersonFormState State { get; set; } = default!;
    [Parameter] public EventCallback Changed { get; set; }

    protected SavePersonInput Input => State.Input;

    protected Task Set(string field, Action<SavePersonInput> change)
    {
        State.Set(field, change);
        return Changed.InvokeAsync();
    }

    protected static DateTime? ToDateTime(DateOnly? date) => date?.ToDateTime(TimeOnly.MinValue);

    protected static DateOnly? ToDateOnly(DateTime? date) => date is { } d ? DateOnly.FromDateTime(d) : null;
}
