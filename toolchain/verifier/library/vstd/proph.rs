// vstd's `proph::Prophecy<T>`: a prophecy variable, whose value `p@` is known from its allocation
// on and fixed by its one `resolve` (an exec value, so it cannot depend on a prophecy). Only for a
// `T: Structural` (vstd's bound: booleans, integers, the crate's datatypes that derive it; chars
// are not modelled here): a ghost value could be computed from the prophecy itself. Names,
// signatures and clauses follow vstd's proph.rs. Read only by a crate that names `proph::` (a
// crate may define its own `Prophecy`).
verus! {

/// Types compared by their structure (Verus's `Structural`; `#[derive(Structural)]` implements
/// it for a datatype of the crate whose fields' types do).
pub trait Structural {}

impl Structural for bool {}
impl Structural for u8 {}
impl Structural for u16 {}
impl Structural for u32 {}
impl Structural for u64 {}
impl Structural for u128 {}
impl Structural for usize {}
impl Structural for i8 {}
impl Structural for i16 {}
impl Structural for i32 {}
impl Structural for i64 {}
impl Structural for i128 {}
impl Structural for isize {}

#[verifier::external_body]
#[verifier::reject_recursive_types(T)]
pub struct Prophecy<T> {
    v: Ghost<T>,
}

impl<T: Structural> Prophecy<T> {
    /// The prophesied value.
    pub uninterp spec fn view(self) -> T;

    /// A new prophecy variable.
    #[verifier::external_body]
    pub exec fn new() -> (proph_var: Self) {
        unimplemented!()
    }

    /// Resolves the prophecy to `v`; it consumes `self`, so it is resolved once.
    #[verifier::external_body]
    pub exec fn resolve(self, v: &T)
        ensures
            self@ == v,
    {
    }
}

} // verus!
