import type { Screen } from './state.ts';
import type { Locale } from './i18n.ts';
import type { DonationLimits } from '../../main/contract/api.ts';
import { Attract } from './screens/attract.tsx';
import { Home } from './screens/home.tsx';
import { PayMenu } from './screens/pay/pay-menu.tsx';
import { AccountEntry } from './screens/pay/account-entry.tsx';
import { Donation } from './screens/pay/donation.tsx';
import { PaySummary } from './screens/pay/pay-summary.tsx';
import { PaymentProgress } from './screens/pay/payment-progress.tsx';
import { PaymentResult } from './screens/pay/payment-result.tsx';
import { InquiryMenu } from './screens/inquiry/inquiry-menu.tsx';
import { Identify } from './screens/inquiry/identify.tsx';
import { InquiryResultScreen } from './screens/inquiry/inquiry-result.tsx';
import { Ticket } from './screens/services/ticket.tsx';
import { Reprint } from './screens/pay/reprint.tsx';
import { lazyScreen } from './components/lazy.tsx';

// Rarely used screens load on demand (with the on-screen keyboard, the QR encoder, the search index).
const Complaint = lazyScreen(() => import('./screens/services/complaint.tsx').then((m) => m.Complaint));
const ComplaintStatus = lazyScreen(() => import('./screens/services/complaint-status.tsx').then((m) => m.ComplaintStatus));
const Awareness = lazyScreen(() => import('./screens/services/awareness.tsx').then((m) => m.Awareness));
const CatalogueHome = lazyScreen(() => import('./screens/catalogue/catalogue-home.tsx').then((m) => m.CatalogueHome));
const ServiceList = lazyScreen(() => import('./screens/catalogue/service-list.tsx').then((m) => m.ServiceList));
const ServiceDetail = lazyScreen(() => import('./screens/catalogue/service-detail.tsx').then((m) => m.ServiceDetail));
const Search = lazyScreen(() => import('./screens/catalogue/search.tsx').then((m) => m.Search));

/** One screen at a time, chosen by the top of the navigation stack. */
export function Router(props: {
  screen: Screen;
  onStart: (l: Locale) => void;
  currency: 'KWD' | 'BHD' | 'QAR';
  minorDigits: number;
  nationalIdDigits: number;
  logoText: { ar: string; en: string } | undefined;
  donations: DonationLimits | undefined;
}) {
  const s = props.screen;
  switch (s.name) {
    case 'attract':
      return <Attract onStart={props.onStart} logoText={props.logoText} />;
    case 'home':
      return <Home />;
    case 'payMenu':
      return <PayMenu />;
    case 'account':
      return <AccountEntry service={s.service} key={s.service} />;
    case 'donation':
      return <Donation currency={props.currency} minorDigits={props.minorDigits} limits={props.donations} />;
    case 'paySummary':
      return <PaySummary payables={s.payables} bill={s.bill} />;
    case 'paying':
      return <PaymentProgress transactionId={s.transactionId} progress={s.progress} amount={s.amount} />;
    case 'result':
      return <PaymentResult payment={s.payment} />;
    case 'inquiryMenu':
      return <InquiryMenu />;
    case 'identify':
      return <Identify next={s.next} digits={props.nationalIdDigits} />;
    case 'inquiry':
      return <InquiryResultScreen result={s.result} />;
    case 'complaint':
      return <Complaint />;
    case 'complaintStatus':
      return <ComplaintStatus />;
    case 'ticket':
      return <Ticket />;
    case 'awareness':
      return <Awareness />;
    case 'reprint':
      return <Reprint />;
    case 'catalogue':
      return <CatalogueHome />;
    case 'serviceList':
      return <ServiceList entityId={s.entityId} categoryId={s.categoryId} />;
    case 'service':
      return <ServiceDetail serviceId={s.serviceId} key={s.serviceId} />;
    case 'search':
      return <Search />;
  }
}
