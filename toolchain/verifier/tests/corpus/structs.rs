// Structs, enums, Option, match, impl blocks with &self / &mut self.
verus! {

pub struct Point {
    pub x: u32,
    pub y: u32,
}

impl Point {
    // expect: verified
    pub open spec fn in_box(&self) -> bool {
        self.x < 1000 && self.y < 1000
    }

    // expect: verified
    pub fn new(x: u32, y: u32) -> (p: Point)
        requires x < 1000, y < 1000,
        ensures p.in_box(), p.x == x, p.y == y,
    {
        Point { x, y }
    }

    // expect: verified
    pub fn sum(&self) -> (r: u32)
        requires self.in_box(),
        ensures r == self.x + self.y,
    {
        self.x + self.y
    }

    // expect: failed overflow
    pub fn sum_unchecked(&self) -> u32 {
        self.x + self.y
    }

    // expect: verified
    pub fn shift(&mut self, d: u32)
        requires old(self).in_box(), d < 10,
        ensures self.x == old(self).x + d, self.y == old(self).y,
    {
        self.x = self.x + d;
    }

    // expect: failed postcondition
    pub fn shift_wrong(&mut self, d: u32)
        requires old(self).in_box(), d < 10,
        ensures self.in_box(),
    {
        self.x = self.x + d;
    }
}

// expect: verified
fn use_point() {
    let mut p = Point::new(3, 4);
    assert(p.x == 3);
    p.shift(2);
    assert(p.x == 5 && p.y == 4);
    let s = p.sum();
    assert(s == 9);
}

// expect: failed assertion
fn use_point_wrong() {
    let mut p = Point::new(3, 4);
    p.shift(2);
    assert(p.x == 3);
}

// expect: failed precondition
fn use_point_bad_args() {
    let p = Point::new(3, 4000);
}

// expect: verified
fn struct_update() -> (r: Point)
    ensures r.x == 1, r.y == 7,
{
    let p = Point { x: 1, y: 2 };
    Point { y: 7, ..p }
}

pub enum Color {
    Red,
    Green,
    Custom(u8),
}

// expect: verified
fn color_code(c: Color) -> (r: u8)
    ensures c is Red ==> r == 1,
{
    match c {
        Color::Red => 1,
        Color::Green => 2,
        Color::Custom(v) => v,
    }
}

// expect: verified
fn color_code2(c: Color) -> (r: u16)
    ensures r >= 1,
{
    match c {
        Color::Red => 1,
        Color::Green => 2,
        Color::Custom(v) => v as u16 + 1,
    }
}

// expect: failed postcondition
fn color_code_wrong(c: Color) -> (r: u8)
    ensures r >= 1,
{
    match c {
        Color::Red => 1,
        Color::Green => 2,
        Color::Custom(v) => v,
    }
}

// expect: verified
fn match_wildcard(c: Color) -> (r: bool)
    ensures r == (c == Color::Red),
{
    match c {
        Color::Red => true,
        _ => false,
    }
}

// expect: verified
fn match_literal(x: u8) -> (r: u8)
    ensures x == 0 ==> r == 10, x == 1 ==> r == 20,
{
    match x {
        0 => 10,
        1 => 20,
        _ => 0,
    }
}

// expect: failed postcondition
fn match_literal_wrong(x: u8) -> (r: u8)
    ensures r > 0,
{
    match x {
        0 => 10,
        1 => 20,
        _ => 0,
    }
}

// expect: verified
fn option_some(x: u32) -> (r: Option<u32>)
    ensures x > 5 ==> r == Some(x), x <= 5 ==> r.is_none(),
{
    if x > 5 { Some(x) } else { None }
}

// expect: verified
fn option_unwrap_checked(o: Option<u64>) -> (r: u64)
    requires o.is_some(),
    ensures r == o.unwrap(),
{
    o.unwrap()
}

// expect: failed unwrap
fn option_unwrap_unchecked(o: Option<u64>) -> u64 {
    o.unwrap()
}

// expect: verified
fn option_match(o: Option<u8>) -> (r: u8)
    ensures o.is_none() ==> r == 0,
{
    match o {
        Some(v) => v,
        None => 0,
    }
}

// expect: failed postcondition
fn option_match_wrong(o: Option<u8>) -> (r: u8)
    ensures r > 0,
{
    match o {
        Some(v) => v,
        None => 1,
    }
}

// expect: failed unwrap
fn unwrap_after_call(x: u32) -> u32 {
    let o = option_some(x);
    o.unwrap()
}

// expect: verified
fn unwrap_after_call_ok(x: u32) -> (r: u32)
    requires x > 10,
    ensures r == x,
{
    let o = option_some(x);
    o.unwrap()
}

pub enum Shape {
    Circle { r: u32 },
    Rect { w: u32, h: u32 },
}

// expect: verified
fn shape_width(s: Shape) -> (r: u32)
    ensures s is Rect ==> r == s->w,
{
    match s {
        Shape::Circle { r } => r,
        Shape::Rect { w, h } => w,
    }
}

// expect: failed overflow
fn shape_area(s: Shape) -> u32 {
    match s {
        Shape::Circle { r } => r * 3,
        Shape::Rect { w, .. } => w,
    }
}

pub struct Pair(u8, u8);

// expect: verified
fn tuple_struct(p: Pair) -> (r: u16)
    ensures r == p.0 + p.1,
{
    p.0 as u16 + p.1 as u16
}

// expect: verified
fn tuples(a: u8) -> (r: (u8, bool))
    ensures r.0 == a, r.1 == (a > 3),
{
    (a, a > 3)
}

const LIMIT: u64 = 4096;
const HALF: u64 = LIMIT / 2;

// expect: verified
fn use_const(x: u64) -> (r: u64)
    requires x < HALF,
    ensures r < LIMIT,
{
    x * 2
}

// expect: failed overflow
fn use_const_wrong(x: u64) -> u64
    requires x < LIMIT,
{
    x * 0x100_0000_0000_0000
}

struct Account {
    balance: u64,
    limit: u64,
}

impl Account {
    // expect: verified
    spec fn wf(&self) -> bool {
        &&& self.balance <= self.limit
        &&& self.limit <= 1_000_000
    }

    // expect: verified
    fn deposit(&mut self, amt: u64) -> (ok: bool)
        requires old(self).wf(),
        ensures
            self.wf(),
            ok == (amt <= old(self).limit - old(self).balance),
            self.limit == old(self).limit,
            ok ==> self.balance == old(self).balance + amt,
            !ok ==> self.balance == old(self).balance,
    {
        if amt <= self.limit - self.balance {
            self.balance = self.balance + amt;
            true
        } else {
            false
        }
    }

    // expect: failed postcondition
    fn deposit_no_check(&mut self, amt: u64)
        requires old(self).wf(), amt < 10,
        ensures self.wf(),
    {
        self.balance = self.balance + amt;
    }

    // expect: failed underflow
    fn withdraw_unchecked(&mut self, amt: u64)
        requires old(self).wf(),
    {
        self.balance = self.balance - amt;
    }
}

// expect: verified
fn account_flow() {
    let mut a = Account { balance: 0, limit: 100 };
    let ok = a.deposit(50);
    assert(ok);
    assert(a.balance == 50);
    let ok2 = a.deposit(60);
    assert(!ok2);
}


// `Box<T>` is `T` here: `Box::new(x)` is `x`, `*b` its value
// expect: verified
fn bx_new() -> (r: Box<u64>)
    ensures
        *r == 5,
{
    Box::new(5)
}

// expect: failed postcondition
fn bx_new_wrong() -> (r: Box<u64>)
    ensures
        *r == 6,
{
    Box::new(5)
}

// A unit struct's name is its one value
struct UsUnit;
mod us_inner {
    pub struct UsTag;
}

// expect: verified
fn us_unit_value() -> (r: (UsUnit, us_inner::UsTag, u64))
    ensures
        r.0 == UsUnit,
        r.2 == 1,
{
    (UsUnit, us_inner::UsTag, 1)
}

// expect: failed postcondition
fn us_unit_value_wrong() -> (r: (UsUnit, u64))
    ensures
        r.1 == 2,
{
    (UsUnit, 1)
}

// `Box::<T>::new(x)`: `x` is a `T`
// expect: verified
fn bx_new_turbofish() -> (r: u16) {
    let b = Box::<u16>::new(300);
    *b
}

// expect: error
fn bx_new_turbofish_out_of_range() {
    let b = Box::<u8>::new(300);
}


// `let S { f } = e;` (a struct pattern always matches); out of `*r` only `Copy` fields
pub struct DsValue {
    pub v: u64,
}

pub struct DsWrap {
    pub inner: DsValue,
}

impl DsValue {
    // expect: verified
    pub fn ds_add1(&mut self)
        requires
            old(self).v < 10,
        ensures
            self.v == old(self).v + 1,
    {
        let DsValue { v } = *self;
        *self = DsValue { v: v + 1 };
    }

    // expect: failed postcondition
    pub fn ds_add1_wrong(&mut self)
        requires
            old(self).v < 10,
        ensures
            self.v == old(self).v + 2,
    {
        let DsValue { v } = *self;
        *self = DsValue { v: v + 1 };
    }
}

// expect: error
fn ds_move_out_of_reference(w: &DsWrap) {
    let DsWrap { inner } = *w;
}

} // verus!
