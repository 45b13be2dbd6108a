/**
 * The form's checks inside the editor: each of the editor's own inputs (text, number, choice, picker, list) is
 * wrapped so that, besides its own checks, it asks the catalogue's check about its value (form-check.ts) and
 * shows the check's message under the field. A designation is also checked against every other entry's.
 */
import { designationProblem, fieldProblem, isValues, type OtherEntry } from '../../lib/editor/form-check.ts';
import { isEmptyValue } from '../../lib/authoring/yaml-patch.ts';
import { toJS, type Cms, type CreateClass, type H, type Immutable } from './decap.ts';

/** The inputs that get the catalogue's checks. */
const WRAPPED = ['string', 'text', 'number', 'select', 'relation', 'boolean', 'list'] as const;

/** The other entries' designations, loaded when an entry's form opens. */
let others: OtherEntry[] = [];

interface ControlProps {
  field: Immutable;
  value: unknown;
  entry?: Immutable;
  parentIds?: unknown;
  forID: string;
  query?: (
    forID: string,
    collection: string,
    fields: string[],
    term: string,
    file?: string,
    limit?: number,
  ) => Promise<{ payload?: { hits?: Array<{ slug: string; data: Record<string, unknown> }> } }>;
}

interface Inner {
  isValid?: () => unknown;
  shouldComponentUpdate?: (nextProps: unknown, nextState: unknown) => boolean;
  getValidateValue?: () => unknown;
  focus?: (path?: unknown) => void;
  getWrappedInstance?: () => Inner;
}

/** The editor's inputs, each wrapped with the catalogue's checks. */
export function registerCheckedWidgets(cms: Cms, h: H, createClass: CreateClass): void {
  for (const name of WRAPPED) {
    const widget = cms.getWidget(name);
    if (!widget) continue;
    const Control = widget.control;
    const Checked = createClass({
      displayName: `Checked(${name})`,
      inner: undefined as Inner | undefined,
      componentDidMount(this: { props: ControlProps }) {
        if (this.props.field.get('catalogue') === 'standards:code' && this.props.query)
          void this.props.query(this.props.forID, 'standards', ['code'], '', undefined, 0).then((result) => {
            others = (result.payload?.hits ?? []).map((hit) => ({
              id: hit.slug,
              code: typeof hit.data.code === 'string' ? hit.data.code : '',
            }));
          });
      },
      control(this: { inner?: Inner }): Inner | undefined {
        return this.inner?.getWrappedInstance ? this.inner.getWrappedInstance() : this.inner;
      },
      // The editor asks a control whether to draw again (a picker also when its search results arrive): the
      // wrapped control answers, as it would unwrapped.
      shouldComponentUpdate(this: { control(): Inner | undefined }, nextProps: unknown, nextState: unknown) {
        const inner = this.control();
        return inner?.shouldComponentUpdate ? inner.shouldComponentUpdate.call(inner, nextProps, nextState) : true;
      },
      getValidateValue(this: { control(): Inner | undefined }) {
        return this.control()?.getValidateValue?.();
      },
      focus(this: { control(): Inner | undefined }, path?: unknown) {
        this.control()?.focus?.(path);
      },
      isValid(this: { props: ControlProps; control(): Inner | undefined }) {
        const own = this.control()?.isValid?.();
        if (own === false || own instanceof Promise || (isValues(own) && own.error)) return own;
        const spec = this.props.field.get('catalogue');
        if (typeof spec !== 'string') return own ?? true;
        const value = toJS(this.props.value);
        // A field the editor marks required has its presence checked by the editor itself.
        if (this.props.field.get('required') === true && isEmptyValue(value)) return own ?? true;
        const values = toJS(this.props.entry?.get('data'));
        const message =
          fieldProblem(spec, value, isValues(values) ? values : undefined) ??
          (spec === 'standards:code'
            ? designationProblem(value, (this.props.entry?.get('slug') as string | undefined) ?? undefined, others)
            : undefined);
        return message ? { error: { type: 'CUSTOM', parentIds: this.props.parentIds, message } } : (own ?? true);
      },
      render(this: { props: ControlProps; inner?: Inner }) {
        return h(Control, {
          ...this.props,
          ref: (instance: Inner | null) => {
            this.inner = instance ?? undefined;
          },
        });
      },
    });
    cms.registerWidget(name, Checked, widget.preview, widget.schema);
  }
}
