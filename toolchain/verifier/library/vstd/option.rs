// vstd's additions to `Option<T>` (std_specs/option.rs): the older variant API (`is_Some`,
// `is_None`, `get_Some_0`) and the functions `->` is defined with, as inline spec fns over `is`
// and `->`; the tracked accessors; `as_ref` (references are erased here: it is the option itself).
verus! {

impl<T> Option<T> {
    #[verifier::inline]
    pub open spec fn is_Some(&self) -> bool {
        self is Some
    }

    #[verifier::inline]
    pub open spec fn is_None(&self) -> bool {
        self is None
    }

    /// Of `None`: some value of `T` that nothing more is known about.
    #[verifier::inline]
    pub open spec fn get_Some_0(&self) -> T {
        self->0
    }

    #[verifier::inline]
    pub open spec fn arrow_Some_0(&self) -> T {
        self->0
    }

    #[verifier::inline]
    pub open spec fn arrow_0(&self) -> T {
        self->0
    }

    #[verifier::external_body]
    pub proof fn tracked_unwrap(tracked self) -> (tracked t: T)
        requires
            self is Some,
        ensures
            t == self->0,
    {
    }

    #[verifier::external_body]
    pub proof fn tracked_borrow(tracked &self) -> (tracked t: &T)
        requires
            self is Some,
        ensures
            t == self->0,
    {
    }

    #[verifier::external_body]
    pub fn as_ref(&self) -> (a: Option<&T>)
        ensures
            a is Some <==> self is Some,
            a is Some ==> a->0 == self->0,
        no_unwind
    {
    }
}

} // verus!
